const EVENT_HANDLER = /^on/i;
const LIVE_TAGS = ['script', 'iframe', 'svg', 'object', 'embed', 'style', 'frame', 'form', 'math'];
const SAFE_URL = /^(https?:|mailto:|data:image\/(png|jpe?g|gif|webp);)/;

/** What in `root` could run code or load a document: script-capable tags, on* handlers, unsafe URLs. */
export function liveDomProblems(root: Element): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (LIVE_TAGS.includes(tag)) problems.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      if (EVENT_HANDLER.test(attribute.name)) problems.push(`${tag}[${attribute.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
        if (!SAFE_URL.test(attribute.value.trim().toLowerCase())) {
          problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
        }
      }
    }
  }
  return problems;
}
