import type { PromiseMutation } from "./mutation.js";

/** What a tipster is promised: rows from "No resident id" to "Receipts cannot be enumerated". */
export const ANONYMITY_MUTATIONS: PromiseMutation[] = [];
