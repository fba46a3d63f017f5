import { StaffNameService } from "./staff-names.js";
import type { Database } from "../db.js";
import { AgencyService } from "./agencies.js";
import { AttemptLimiter, SubmissionLimiter } from "./attempt-limiter.js";
import { AuditService } from "./audit.js";
import { CheckInService } from "./check-ins.js";
import { DeadlineService } from "./deadlines.js";
import { JobService } from "./jobs.js";
import { InviteLinks } from "./invites.js";
import { type Keyring } from "./keyring.js";
import { CheckInServiceFigures } from "./report-check-ins.js";
import { ReportService } from "./reports.js";
import { TriageFeedbackService } from "./triage-feedback.js";
import { TipOutcomeService } from "./tip-outcomes.js";
import { DEFAULT_LADDER, type ReminderLadder } from "../domain/deadlines.js";
import { QuarterHeadService } from "./quarter-heads.js";
import { type Clock, systemClock } from "./clock.js";
import { ChatLimits } from "./chat-limits.js";
import { type ChatTurnOptions, ChatTurns } from "./chat-turns.js";
import { ConversationStore } from "./conversation-store.js";
import { MemberService } from "./members.js";
import { NotificationService } from "./notifications.js";
import { PreferenceService } from "./preferences.js";
import { RoadmapService } from "./roadmap.js";
import { type RandomSource, Secrets, secureRandom } from "./secrets.js";
import { type ClaimTimers, TipService } from "./tips.js";
import { WardService } from "./wards.js";
import { LeaseService } from "./leases.js";
import { LexiconService } from "./lexicon.js";
import { WardContactService } from "./ward-contacts.js";
import { ProcessedUpdates } from "./processed-updates.js";
import { OfferedChoiceStore } from "./offered-choices.js";
import { ImageDecoder } from "./images.js";
import { CardDeliveries } from "./card-deliveries.js";

export interface ServiceOptions {
  db: Database;
  pepper: string;
  /** 32 bytes for AES-256-GCM of opt-in notification targets. */
  notifyKey: Buffer;
  /** Seals what residents wrote and unfinished flows at rest (see keyring.ts). */
  keyring: Keyring;
  clock?: Clock;
  random?: RandomSource;
  inviteTtlHours?: number;
  /** How long a first-admin code works (ADMIN_CODE_TTL_HOURS). */
  adminCodeTtlHours?: number;
  claimTimers?: ClaimTimers;
  tipLimits?: { perHour: number; perDay: number };
  deadlineLadder?: ReminderLadder;
  onJobError?: (err: unknown, job: { kind: string; key: string }) => void;
  /** Local hours at which opted-in tipsters' notices go out (NOTIFY_HOURS). */
  notifyHours?: readonly number[];
  /** Pictures decoded at once (IMAGE_DECODE_CONCURRENCY). */
  imageDecodes?: number;
  /** How waiters for a chat's turn poll, and when a dead holder's turn is taken over. */
  chatTurns?: ChatTurnOptions;
}

export interface Services {
  db: Database;
  clock: Clock;
  secrets: Secrets;
  keyring: Keyring;
  audit: AuditService;
  wards: WardService;
  members: MemberService;
  tips: TipService;
  /** A ward's own words for triage (/tukhoa). */
  lexicon: LexiconService;
  /** The ward police's hotline and address for residents (/lienhephuong). */
  wardContacts: WardContactService;
  /** What came of tips verified as true (cases, people handled, points dismantled…). */
  tipOutcomes: TipOutcomeService;
  preferences: PreferenceService;
  conversations: ConversationStore;
  /** One private chat's updates one at a time across instances. */
  chatTurns: ChatTurns;
  jobs: JobService;
  heads: QuarterHeadService;
  /** One name per staff member, shown everywhere (services/staff-names.ts). */
  staffNames: StaffNameService;
  checkIns: CheckInService;
  /** Tips per resident, wrong receipt codes (10 per chat per hour) and wrong /admin codes (5), counted once across instances. */
  limits: ChatLimits;
  notifications: NotificationService;
  roadmap: RoadmapService;
  agencies: AgencyService;
  deadlines: DeadlineService;
  reports: ReportService;
  triageFeedback: TriageFeedbackService;
  /** Which instance runs scheduled work. */
  leases: LeaseService;
  processedUpdates: ProcessedUpdates;
  /** What a typed answer means in chats without buttons (Zalo). */
  offeredChoices: OfferedChoiceStore;
  /** Decodes residents' pictures a bounded few at a time. */
  images: ImageDecoder;
  /** Cards (or their photos, or pins) owed to a police group after a failed post, retried until they land. */
  deliveries: CardDeliveries;
}

export function createServices(options: ServiceOptions): Services {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? secureRandom;
  const secrets = new Secrets(options.pepper);
  const audit = new AuditService(db);
  const jobs = new JobService(db, clock, options.onJobError);
  const invites = new InviteLinks(db, secrets, random, clock, audit, options.inviteTtlHours ?? 72);
  const heads = new QuarterHeadService(db, clock, audit, invites);
  const agencies = new AgencyService(db, clock, audit, invites);
  const roadmap = new RoadmapService(db, audit, clock);
  const checkIns = new CheckInService(db, clock, jobs, heads, audit);
  const lexicon = new LexiconService(db, audit, clock);
  const triageFeedback = new TriageFeedbackService(db);
  const tips = new TipService(db, secrets, random, clock, audit, jobs, options.claimTimers ?? { urgentMinutes: 15, highMinutes: 120 }, options.keyring, lexicon);
  return {
    db,
    clock,
    secrets,
    keyring: options.keyring,
    audit,
    wards: new WardService(db, secrets, random, audit, clock, options.adminCodeTtlHours ?? 24),
    members: new MemberService(db, secrets, clock, audit, invites, tips),
    staffNames: new StaffNameService(db, audit),
    tips,
    lexicon,
    wardContacts: new WardContactService(db, audit),
    tipOutcomes: new TipOutcomeService(db, clock, audit),
    preferences: new PreferenceService(db, secrets, clock),
    conversations: new ConversationStore(db, clock, options.keyring),
    chatTurns: new ChatTurns(db, options.chatTurns),
    jobs,
    heads,
    checkIns,
    limits: new ChatLimits({
      tips: new SubmissionLimiter(clock, options.tipLimits?.perHour ?? 5, options.tipLimits?.perDay ?? 20),
      receipt: new AttemptLimiter(clock),
      admin: new AttemptLimiter(clock, 5),
    }),
    notifications: new NotificationService(db, secrets, options.notifyKey, jobs, clock, options.notifyHours),
    roadmap,
    agencies,
    deadlines: new DeadlineService(db, clock, jobs, agencies, audit, options.deadlineLadder ?? DEFAULT_LADDER),
    reports: new ReportService(db, clock, roadmap, audit, new CheckInServiceFigures(db, checkIns), triageFeedback),
    triageFeedback,
    leases: new LeaseService(db, clock),
    processedUpdates: new ProcessedUpdates(db, clock),
    offeredChoices: new OfferedChoiceStore(db, secrets, clock, options.keyring),
    images: new ImageDecoder(options.imageDecodes ?? 2),
    deliveries: new CardDeliveries(db, clock),
  };
}

export { ServiceError } from "./errors.js";
export type { ActiveMember, RemovedMember, StaffRole } from "./members.js";
export type { TipView, SubmittedTip } from "./tips.js";
export type { CardPart, OwedDelivery } from "./card-deliveries.js";
export type { RecordedOutcome } from "./tip-outcomes.js";
export type { Clock } from "./clock.js";
export { Keyring } from "./keyring.js";
export type { OfferedChoice, OfferedChoices } from "./offered-choices.js";
export type { CheckInMessenger, Delivery, PromptInfo, TipMessenger } from "./messenger.js";
