// The report's period buttons: an officer's /report and a super-admin's /rollup.
import { z } from "zod";
import { reportPeriod } from "../../domain/report-period.js";
import { buttonKind } from "./button-kind.js";

/** A period's key as the report writes it: "2026-03", "2026-Q4", "2026-H1" or "2026". */
const periodKey = z
  .string()
  .regex(/^20\d\d(-(0[1-9]|1[0-2]|Q[1-4]|H1))?$/)
  .refine((key) => reportPeriod(key)?.key === key);

const examples = [{ period: "2026-03" }, { period: "2026-Q4" }, { period: "2026-H1" }, { period: "2026" }];

/** `/report`: the ward's report for the period on the button. */
export const reportPeriodButton = buttonKind({ prefix: "rp", audience: "ward-staff", args: { period: periodKey }, examples });

/** `/rollup`: every ward's figures for the period on the button. */
export const rollUpPeriodButton = buttonKind({ prefix: "ru", audience: "super-admin", args: { period: periodKey }, examples });
