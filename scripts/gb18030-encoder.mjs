// Node has no GB18030 encoder; for test data a table built by decoding every
// two-byte code is exact for the characters GBK covers (all the fixtures use).
export function gb18030Encoder() {
  const table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, (hi << 8) | lo);
    }
  }
  return {
    encode(text) {
      const out = new Uint8Array(text.length * 2);
      let n = 0;
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        if (code < 0x80) {
          out[n++] = code;
          continue;
        }
        const two = table.get(text[i]);
        if (two === undefined) throw new Error(`no GBK code for ${text[i]}`);
        out[n++] = two >> 8;
        out[n++] = two & 0xff;
      }
      return out.subarray(0, n);
    },
  };
}
