// The exit codes every command uses (README): 0 nothing at or above --fail-on, 1 findings,
// 2 input that cannot be read or used. Apart from conventions.ts so that the program's
// entry point loads nothing else to know them.
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;
