// Errors the chat layer turns into a message for the user (by `code`).
export type ServiceErrorCode =
  | "invalid_code"
  | "code_expired"
  | "invite_invalid"
  | "invite_expired"
  | "invite_used"
  | "already_member"
  | "not_staff"
  | "not_admin"
  | "wrong_ward"
  | "tip_not_found"
  | "tip_closed"
  | "tip_not_confirmed"
  | "already_claimed"
  | "tip_changed"
  | "group_changed"
  | "invalid_input"
  | "not_quarter_head"
  | "window_closed"
  | "not_found"
  | "not_agency_contact"
  | "ward_exists"
  | "no_head"
  | "holiday_week"
  | "not_term_owner"
  | "priority_not_changed";

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
