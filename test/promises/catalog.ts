import { ANONYMITY_MUTATIONS } from "./anonymity.js";
import type { PromiseMutation } from "./mutation.js";
import { STAFF_AND_FAULTS_MUTATIONS } from "./staff-and-faults.js";

/** At least one mutation per row of docs/security.md's promise table. */
export const PROMISE_MUTATIONS: PromiseMutation[] = [...ANONYMITY_MUTATIONS, ...STAFF_AND_FAULTS_MUTATIONS];
