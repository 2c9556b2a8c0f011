// Personal numbers masked by their pattern, wherever they stand in a text: in a
// message that quotes a headerless roster's first rows, an ID typed into the name
// column, a header cell. Masked: 18-character IDs whose date part is a real date
// (and 15-digit old IDs likewise), 16–19 digit runs that pass the Luhn check (bank
// cards). Other long digit runs (project numbers, credit codes) stay readable.

/** Identity numbers keep their first 4 and last 4 characters unless the user asked for them (--show-pii). */
export function maskNumber(text: string): string {
  const t = text.trim();
  if (t.length <= 8) return '*'.repeat(t.length);
  return `${t.slice(0, 4)}${'*'.repeat(t.length - 8)}${t.slice(-4)}`;
}

/** Maximal runs of digits, an 18-character ID's final X included. */
const RUN = /\d{15,}[Xx]?/g;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

// A run from RUN of 18 characters is 18 digits or 17 and an X, of 15 characters 15 digits:
// the patterns below restate that, so weakening them (|| for &&, an anchor dropped) is equivalent.
function isIdShape(run: string): boolean {
  // Stryker disable next-line LogicalOperator,Regex: equivalent, see above
  if (run.length === 18 && /^\d{17}[\dXx]$/.test(run)) {
    const year = Number(run.slice(6, 10));
    return year >= 1900 && year <= 2099 && validDate(year, Number(run.slice(10, 12)), Number(run.slice(12, 14)));
  }
  // 19yy and 19(00 − yy) are leap years alike (yy % 4 = 0, except 1900 itself in both), so − for + is equivalent
  // Stryker disable next-line LogicalOperator,Regex,ArithmeticOperator: equivalent, see above
  if (run.length === 15 && /^\d{15}$/.test(run)) return validDate(1900 + Number(run.slice(6, 8)), Number(run.slice(8, 10)), Number(run.slice(10, 12)));
  return false;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      // a doubled digit is even, never 9: > and >= agree
      // Stryker disable next-line EqualityOperator: equivalent, see above
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isPersonalNumber(run: string): boolean {
  if (isIdShape(run)) return true;
  return run.length >= 16 && run.length <= 19 && /^\d+$/.test(run) && passesLuhn(run);
}

/** The text with every personal number in it masked (1404**********1234). */
export function maskPii(text: string): string {
  // a shortcut for the texts that cannot hold a run of 15 digits; without it RUN finds none in them
  // Stryker disable next-line ConditionalExpression,LogicalOperator,Regex: equivalent, see above
  if (text.length < 15 || !/\d{15}/.test(text)) return text;
  return text.replace(RUN, (run) => (isPersonalNumber(run) ? maskNumber(run) : run));
}
