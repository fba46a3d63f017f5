/**
 * One promise of docs/security.md broken on purpose: a one-line change to the
 * product code that the promise's own test must notice. `npm run test:promises`
 * makes each change, runs the named test and expects it to fail; the unit test
 * `test/unit/promise-mutations.test.ts` keeps this list in step with the
 * table and the code (every row has a mutation, every `find` is still there).
 */
export interface PromiseMutation {
  /** The row of the promise table in docs/security.md: the start of its first cell. */
  promise: string;
  /** What the change breaks, in a few words. */
  breaks: string;
  /** The product file changed, from the project's root. */
  file: string;
  /** Exact text that occurs once in `file`… */
  find: string;
  /** …and what it becomes. */
  replace: string;
  /** The test file that must fail. */
  test: string;
  /** Only the tests whose names contain this (vitest -t), if given; it must occur in `test`. */
  name?: string;
}
