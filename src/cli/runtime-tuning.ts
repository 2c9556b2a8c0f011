// V8 settings for the CLI's workload: a million short-lived row objects.
//
// V8's allocation-site pretenuring watches which object literals survive a young
// collection and, past a threshold, allocates them straight in the old space.
// Validating rows through zod trips it: the per-row objects (a few µs of life)
// happen to be alive at early collections, their sites get tenured, and from then
// on every row's garbage fills the old space. Measured on 300,000 roster rows:
// 600-900 ms of collection with it, 70-90 ms without, the same results either way.
// The flag is read when V8 decides, so setting it at startup takes effect (the
// young-generation size, by contrast, cannot be changed once the heap exists).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
