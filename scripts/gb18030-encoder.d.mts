// Types for gb18030-encoder.mjs (used by tests).
export function gb18030Encoder(): { encode(text: string): Uint8Array };
