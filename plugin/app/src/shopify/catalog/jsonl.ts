/** The JSON objects of a JSONL stream, one line at a time: the whole file is never one string. */
export async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<{ line: number; value: unknown }> {
  let rest = "";
  let line = 0;
  const parse = (text: string) => {
    line += 1;
    try {
      return { line, value: JSON.parse(text) as unknown };
    } catch (e) {
      throw new Error(`line ${line} of the JSONL file is not JSON: ${(e as Error).message}`);
    }
  };
  const decoder = new TextDecoder();
  for await (const bytes of body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(bytes, { stream: true });
    let nl = rest.indexOf("\n");
    while (nl >= 0) {
      const text = rest.slice(0, nl).trim();
      rest = rest.slice(nl + 1);
      if (text) yield parse(text);
      else line += 1;
      nl = rest.indexOf("\n");
    }
  }
  rest += decoder.decode();
  if (rest.trim()) yield parse(rest.trim());
}
