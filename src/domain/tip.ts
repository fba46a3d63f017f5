import { z } from "zod";

/** The ward plans' own categories of what residents report. */
export const TIP_CATEGORIES = ["dealing", "use_venue", "plant_growing", "school", "person_using", "other"] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];

export const TIP_TIMINGS = ["now", "today", "this_week", "earlier", "ongoing"] as const;
export type TipTiming = (typeof TIP_TIMINGS)[number];

/** Most urgent first. */
export const PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export function comparePriority(a: Priority, b: Priority): number {
  return PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b);
}

/** new → claimed → verifying → acted (handed over / acted on) → closed. */
export const TIP_STATUSES = ["new", "claimed", "verifying", "acted", "closed"] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const CLOSE_REASONS = ["confirmed", "unfounded", "spam", "duplicate"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const TIP_DESCRIPTION_MAX = 2000;
export const TIP_PLACE_MAX = 300;
export const TIP_PHOTOS_MAX = 5;

export const tipPlaceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().trim().min(1).max(TIP_PLACE_MAX) }),
  z.object({
    kind: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** The resident did not confirm the pin is the reported place (it may be where they stand): kept rounded (domain/location.ts). */
    approximate: z.boolean(),
  }),
]);

/** What a resident hands over. There is deliberately no field for who they are. */
export const tipDraftSchema = z.object({
  category: z.enum(TIP_CATEGORIES),
  quarterId: z.string().min(1).max(64).nullable(),
  place: tipPlaceSchema.nullable(),
  timing: z.enum(TIP_TIMINGS),
  description: z.string().trim().min(1).max(TIP_DESCRIPTION_MAX),
  photoFileIds: z.array(z.string().min(1).max(256)).max(TIP_PHOTOS_MAX),
});
export type TipDraft = z.infer<typeof tipDraftSchema>;
