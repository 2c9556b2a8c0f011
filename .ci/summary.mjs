// Reads vitest's JSON report and prints "N passed, N failed[, N skipped]".
import { existsSync, readFileSync } from 'node:fs';

const [file, status] = process.argv.slice(2);
if (!existsSync(file)) {
  // the build or vitest itself failed before any test ran
  console.log(`0 passed, ${status === '0' ? 0 : 1} failed`);
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const failed = report.numFailedTests + (status !== '0' && report.numFailedTests === 0 ? 1 : 0);
  console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
