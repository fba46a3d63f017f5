// The triage feedback of a period as labelled figures, in the reader's
// language: the same lines for the report's sheet as /triage prints.
import { percent } from "../domain/report.js";
import type { TriageFeedback } from "../domain/triage-feedback.js";
import type { Translate } from "./report-text.js";

export interface TriageSection {
  title: string;
  lines: { label: string; value: number | string }[];
}

export function triageSections(t: Translate, f: TriageFeedback): TriageSection[] {
  const priority = (p: string) => t(`priority-${p}`);
  const sections: TriageSection[] = [
    {
      title: t("tr-sec-agreement"),
      lines: [
        { label: t("tr-fig-tips"), value: f.tips },
        { label: t("tr-fig-kept"), value: f.kept },
        { label: t("tr-fig-rate"), value: f.agreement === null ? "—" : percent(f.agreement) },
        { label: t("tr-fig-changed"), value: f.changed },
        { label: t("tr-fig-raised"), value: f.raised },
        { label: t("tr-fig-lowered"), value: f.lowered },
      ],
    },
  ];
  if (f.changed === 0) return sections;
  sections.push(
    { title: t("tr-sec-corrections"), lines: f.corrections.map((c) => ({ label: `${priority(c.from)} → ${priority(c.to)}`, value: c.count })) },
    {
      title: t("tr-sec-reasons"),
      lines: [...f.reasons.map((r) => ({ label: t(`override-reason-${r.reason}`), value: r.count })), ...(f.withoutReason > 0 ? [{ label: t("tr-without-reason"), value: f.withoutReason }] : [])],
    },
  );
  if (f.signals.length > 0) sections.push({ title: t("tr-sec-signals"), lines: f.signals.map((s) => ({ label: t(`reason-${s.signal}`), value: s.count })) });
  return sections;
}
