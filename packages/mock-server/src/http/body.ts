import { invalidRequest, SimulatorError } from './errors.ts';

/**
 * Reads a JSON request body with a byte limit, counting as it reads so an oversized upload is
 * refused without buffering all of it, and a lying Content-Length cannot get around the limit.
 */
export async function readJsonBody(request: Request, maxBodyBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim())) {
    throw new SimulatorError({
      status: 415,
      code: 'unsupported_media_type',
      type: 'invalid_request_error',
      message: `Content-Type must be application/json, got ${contentType ? `"${contentType.slice(0, 80)}"` : 'none'}.`,
    });
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge(maxBodyBytes);

  const text = await readText(request, maxBodyBytes);
  if (text.trim() === '') throw invalidRequest('The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidRequest(`The request body is not valid JSON: ${detail}`, '', 'invalid_json');
  }
}

async function readText(request: Request, maxBodyBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBodyBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(maxBodyBytes: number): SimulatorError {
  return new SimulatorError({
    status: 413,
    code: 'payload_too_large',
    type: 'invalid_request_error',
    message: `The request body is larger than the simulator's limit of ${maxBodyBytes} bytes (option maxBodyBytes).`,
  });
}
