import type { PromiseMutation } from "./mutation.js";

/** Staff, wards, faults and crashes: rows from "Staff rights are checked" to the end of the table. */
export const STAFF_AND_FAULTS_MUTATIONS: PromiseMutation[] = [];
