// "Giúp người thân": what a worried family member can read, topic by topic.
// Information only: the bot keeps nothing about who reads it.

/** The topics, in the order they are offered; each has `family-<topic>` and `family-btn-<topic>` messages. */
export const FAMILY_TOPICS = ["rehab", "assess", "methadone", "legal", "talk", "contacts"] as const;
export type FamilyTopic = (typeof FAMILY_TOPICS)[number];
