import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { comparePriority, type Priority, TIP_CATEGORIES, TIP_TIMINGS } from "../../src/domain/tip.js";
import {
  detectSignals,
  detectTerms,
  lexiconTermSchema,
  type Signal,
  type Term,
  TRIAGE_REASONS,
  triageTip,
  type TriageInput,
  VOCABULARY,
  type WardLexicon,
} from "../../src/domain/triage.js";

const tip = (over: Partial<TriageInput>): TriageInput => ({ category: "other", timing: "this_week", description: "", ...over });

describe("triageTip: urgent", () => {
  it.each<[string, TriageInput]>([
    ["dealing meth to pupils right now, no diacritics, capitals", tip({ category: "dealing", description: "thang nhoc o nha tro so 5 DANG BAN DA cho hoc sinh" })],
    ["same, mixed diacritics as typed on a phone", tip({ category: "dealing", description: "Thằng nhóc tóc vàng ĐANG BÁN ĐÁ cho hoc sinh o cong truong, chạy xe Wave đỏ" })],
    ["meth psychosis with a knife now", tip({ category: "person_using", timing: "now", description: "Thằng con nhà bên ngáo đá cầm dao đòi chém người" })],
    ["meth psychosis, no diacritics, now-word", tip({ category: "person_using", description: "THANG DO DANG NGAO DA, LA HET NGOAI DUONG" })],
    ["school category happening now, no drug word", tip({ category: "school", timing: "now", description: "có người lạ đứng đưa gói gì đó cho các em" })],
    ["psychosis and violence long ago is still urgent", tip({ category: "person_using", timing: "earlier", description: "ngao da, dap pha, danh nguoi trong xom" })],
    ["psychosis with a gun, any timing", tip({ category: "other", timing: "ongoing", description: "ông hàng xóm hay lên cơn ngáo, trong nhà có súng" })],
    ["'other' with slang at a school gate tonight", tip({ category: "other", description: "tối nay tụi nó hẹn giao hàng trắng ở cổng trường" })],
    ["kindergarten in the place, dealing now", tip({ category: "dealing", timing: "now", description: "co nguoi ban thuoc lac", place: "truong mam non Hoa Sen" })],
    ["armed dealer now", tip({ category: "dealing", timing: "now", description: "bọn bán ma túy mang dao đe dọa người trong hẻm" })],
  ])("%s", (_, input) => {
    expect(triageTip(input).priority).toBe("urgent");
  });
});

describe("triageTip: high", () => {
  it.each<[string, TriageInput]>([
    ["pupils involved, not now", tip({ category: "dealing", description: "bán kẹo lắc cho học sinh cấp 2" })],
    ["dealing today", tip({ category: "dealing", timing: "today", description: "có người giao hàng trắng ở đầu hẻm" })],
    ["use venue happening now (slang)", tip({ category: "use_venue", timing: "now", description: "phong karaoke tang 3 dang bay lac" })],
    ["psychosis words", tip({ category: "person_using", timing: "ongoing", description: "ông ấy hay lên cơn hoang tưởng" })],
    ["weapons with a drug nexus, not now", tip({ category: "use_venue", description: "nhà trọ cuối hẻm có súng tự chế, hay tụ tập" })],
    ["'other' with drug words today", tip({ category: "other", timing: "today", description: "thấy mấy thanh niên hút cỏ sau chợ" })],
    ["a person using, now", tip({ category: "person_using", timing: "now", description: "có người đang tiêm chích trong nhà vệ sinh công cộng" })],
  ])("%s", (_, input) => {
    expect(triageTip(input).priority).toBe("high");
  });
});

describe("triageTip: normal and low", () => {
  it.each<[string, TriageInput, Priority]>([
    ["'other' with drug slang this week is normal, not low", tip({ category: "other", timing: "this_week", description: "hay thấy người lạ hút cỏ ở bờ sông" }), "normal"],
    ["school category, hearsay, long ago, no drug word: children keep it normal", tip({ category: "school", timing: "earlier", description: "nghe nói có hút thuốc lá điện tử" }), "normal"],
    ["plant growing long ago is normal: plants stay put", tip({ category: "plant_growing", timing: "earlier", description: "trồng cần sa trong vườn" }), "normal"],
    ["a strange plant, no drug word, is too thin to act on", tip({ category: "plant_growing", timing: "earlier", description: "trồng cây lạ trong vườn" }), "low"],
    ["plant growing this week", tip({ category: "plant_growing", description: "bờ sông có mấy cây cần sa" }), "normal"],
    ["dealing this week, no urgency words", tip({ category: "dealing", description: "nha so 5 duong Tran Hung Dao co nguoi ban hang trang" }), "normal"],
    [
      "'other', no drug word but a detailed account",
      tip({ category: "other", description: "Xe máy biển số lạ ra vào nhà số 7 liên tục lúc nửa đêm, mỗi người chỉ ở lại vài phút rồi đi" }),
      "normal",
    ],
    ["a fight long ago with no drug nexus is low", tip({ category: "other", timing: "earlier", description: "có người đánh nhau ngoài chợ" }), "low"],
    ["'other', no drug word, short", tip({ category: "other", description: "có người lạ hay tụ tập" }), "low"],
    ["long ago with nothing notable", tip({ category: "use_venue", timing: "earlier", description: "nhà trọ cuối xóm hay có người lạ" }), "low"],
  ])("%s → %s", (_, input, priority) => {
    expect(triageTip(input).priority).toBe(priority);
  });

  it("gives the low rule's reason", () => {
    expect(triageTip(tip({ description: "có mùi lạ" })).reasons).toContain("no_drug_terms_low_detail");
    expect(triageTip(tip({ category: "dealing", timing: "earlier", description: "hồi trước có người lạ" })).reasons).toContain("long_ago");
  });
});

describe("triageTip: false friends stay normal or low", () => {
  it.each<[string, string]>([
    ["candy for my kid", "Hôm qua tôi mua kẹo cho con ở tiệm tạp hóa"],
    ["candy for my kid, no diacritics", "hom qua toi mua keo cho con o tiem tap hoa"],
    ["football", "bọn trẻ đá bóng ngoài đường ồn quá"],
    ["football, no diacritics", "bon tre choi da bong ngoai duong on qua"],
    ["grass growing", "cỏ mọc cao ở bãi đất trống"],
    ["online shop", "nhà bên bán hàng online suốt ngày"],
    ["selling goods, no diacritics", "ba ay ban hang tap hoa o dau hem"],
    ["selling ice", "quán đầu hẻm bán đá lạnh cả ngày"],
    ["'bạn đã' folds onto 'bán đá'", "ban da an com chua"],
    ["'hàng đã giao' folds onto 'hàng đá'", "hang da giao roi ma chua tra tien"],
    ["building site, not a school gate", "xe tải ra vào công trường cả đêm"],
    ["posting online is not 'now'", "hắn đăng bài trên mạng"],
    ["'dáng người' folds onto 'đang'", "thang do dang nguoi cao gay"],
    ["a street named after Trần Hưng Đạo has no knife", "nha so 5 duong Tran Hung Dao"],
    ["a walk is not a knife", "tối nào ông ấy cũng đi dạo"],
    ["coffee is not being high", "uong ca phe qua nhieu nen mat ngu"],
    ["clams are not psychosis", "ba ban ngao o cho"],
    ["idle talk is not a stabbing", "mấy ông ngồi chém gió cả ngày"],
    ["toys displayed for sale", "Có cửa hàng bày bán đồ chơi cho con nít"],
    ["a case, not a school", "trong truong hop can thiet thi goi"],
    ["a karaoke bar with nothing else", "quán karaoke mở nhạc to"],
    ["a flight is not a drug party", "mai tôi đi máy bay ra Hà Nội"],
    ["stone-breaking is a trade", "thợ đập đá ở núi"],
  ])("%s", (_, description) => {
    for (const timing of ["this_week", "earlier"] as const) {
      const result = triageTip(tip({ category: "other", timing, description }));
      expect(["normal", "low"]).toContain(result.priority);
      expect(result.reasons).not.toContain("drug_terms");
      expect(result.reasons).not.toContain("psychosis");
      expect(result.reasons).not.toContain("violence_or_weapon");
    }
  });

  it("does not read a false friend as a drug word even in a drug category", () => {
    // "kẹo cho con" adds nothing: a short dealing tip with no drug word is too thin to act on.
    const result = triageTip(tip({ category: "dealing", description: "hay mua kẹo cho con ở tiệm đó" }));
    expect(result.priority).toBe("low");
    expect(result.reasons).not.toContain("drug_terms");
  });
});

describe("triageTip: score and reasons", () => {
  it("scores more signals higher within a priority", () => {
    const a = triageTip(tip({ category: "dealing", timing: "today", description: "bán đồ ở đầu hẻm" }));
    const b = triageTip(tip({ category: "dealing", timing: "today", description: "bán ma túy, có cả thuốc lắc ở đầu hẻm" }));
    expect(a.priority).toBe(b.priority);
    expect(b.score).toBeGreaterThan(a.score);
  });

  it("lists stable reason codes", () => {
    expect(triageTip(tip({ category: "dealing", description: "thang nhoc o nha tro so 5 DANG BAN DA cho hoc sinh" })).reasons).toEqual([
      "category_dealing",
      "happening_now",
      "children",
      "drug_terms",
    ]);
  });

  it("takes children words from the place but not now-words", () => {
    const fromPlace = triageTip(tip({ category: "dealing", description: "bán thuốc lắc", place: "cổng trường Lê Lợi" }));
    expect(fromPlace.reasons).toContain("children");
    expect(triageTip(tip({ category: "dealing", description: "bán thuốc lắc", place: "quán Đang Vui" })).reasons).not.toContain("happening_now");
  });

  it("is deterministic", () => {
    const input = tip({ category: "use_venue", timing: "ongoing", description: "Karaoke Hoàng Gia tối nào cũng quẩy" });
    expect(triageTip(input)).toEqual(triageTip(input));
  });
});

describe("detectSignals", () => {
  it.each<[string, Signal, boolean]>([
    // Drug slang, recognised without diacritics and in capitals.
    ["MA TUÝ", "drug", true],
    ["ma-tuy!!!", "drug", true],
    ["matuy", "drug", true],
    ["hút đá", "drug", true],
    ["CHOI DA", "drug", true],
    ["dân đá trong xóm", "drug", true],
    ["giao hàng trắng", "drug", true],
    ["keo ke", "drug", true],
    ["hit ke", "drug", true],
    ["xì ke", "drug", true],
    ["cỏ mỹ", "drug", true],
    ["nước vui", "drug", true],
    ["tài mà", "drug", true],
    ["cắm hàng ở gốc cây", "drug", true],
    ["phòng bay tầng 2", "drug", true],
    ["bán kẹo ở karaoke, tụi nó bay", "drug", true],
    ["quán karaoke tối nào cũng bay", "drug", true],
    ["mua đồ chơi để hít", "drug", true],
    // Not drugs alone.
    ["ăn kem dừa", "drug", false],
    ["đá", "drug", false],
    ["kẹo", "drug", false],
    ["cỏ", "drug", false],
    ["hàng", "drug", false],
    ["ke hoach", "drug", false],
    ["chơi đá cầu", "drug", false],
    ["bán nước đá", "drug", false],
    ["phòng bảy", "drug", false],
    // Now.
    ["hắn đang bán", "now", true],
    ["han dang ban", "now", true],
    ["hắn đăng bán", "now", false],
    ["ngay bây giờ", "now", true],
    ["hồi bấy giờ", "now", false],
    ["hoi bay gio", "now", false],
    ["toi nay", "now", true],
    // Children. "Sinh viên" are adults.
    ["đứng ở cổng trường", "children", true],
    ["đứng ở công trường", "children", false],
    ["dung o cong truong", "children", true],
    ["nha gan truong khu pho", "children", false],
    ["trẻ em", "children", true],
    ["sinh viên thuê trọ", "children", false],
    // Psychosis and violence.
    ["ngáo đá", "psychosis", true],
    ["nó ngáo rồi", "psychosis", true],
    ["ngáo ngơ", "psychosis", false],
    ["phê quá", "psychosis", true],
    ["lên cơn hen", "psychosis", false],
    ["cầm dao", "violence", true],
    ["cam dao", "violence", true],
    ["nó cầm theo dao", "violence", true],
    ["có súng", "violence", true],
    ["bổ sung", "violence", false],
    ["bo sung", "violence", false],
    ["chém gió", "violence", false],
    ["chợ Đầm", "violence", false],
  ])("%j → %s: %s", (text, signal, expected) => {
    expect(detectSignals(text).has(signal)).toBe(expected);
  });

  it("takes an extended vocabulary as data", () => {
    const extended: Term[] = [...VOCABULARY, { phrase: "bánh lắc", signal: "drug" }];
    expect(detectSignals("bán banh lac", extended).has("drug")).toBe(true);
    expect(detectSignals("bán banh lac").has("drug")).toBe(false);
    expect(detectTerms("ban banh lac", extended).map((t) => t.phrase)).toEqual(["bánh lắc"]);
  });

  it("keeps every vocabulary phrase non-empty and unique per signal", () => {
    const seen = new Set<string>();
    for (const term of VOCABULARY) {
      expect(term.phrase.trim()).not.toBe("");
      const key = `${term.signal}:${term.phrase}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});

describe("triageTip: baselines an officer expects", () => {
  const at = (over: Partial<TriageInput>) => triageTip(tip(over)).priority;
  const above = (a: Priority, b: Priority) => comparePriority(a, b) < 0;

  it("ranks dealing or a use venue going on (now, tonight, every night) above the same report made vaguely or of the past", () => {
    const place = "nhà số 14 hẻm 5";
    const vague = at({ category: "dealing", timing: "this_week", description: `có người bán hàng trắng ở ${place}` });
    const past = at({ category: "dealing", timing: "earlier", description: `năm ngoái có người bán hàng trắng ở ${place}` });
    for (const going of [
      { timing: "ongoing" as const, description: `${place} tối nào cũng có người bán hàng trắng` },
      { timing: "this_week" as const, description: `${place} đêm nào cũng có người bán hàng trắng` },
      { timing: "this_week" as const, description: `${place} thường xuyên có người bán hàng trắng` },
      { timing: "this_week" as const, description: `tối nay có người giao hàng trắng ở ${place}` },
      { timing: "now" as const, description: `có người bán hàng trắng ở ${place}` },
    ]) {
      const priority = at({ category: "dealing", ...going });
      expect(above(priority, vague), going.description).toBe(true);
      expect(above(priority, past), going.description).toBe(true);
    }
    expect(at({ category: "use_venue", timing: "this_week", description: "phòng 5 nhà nghỉ Hoa Mai suốt đêm có người hút đá" })).toBe("high");
  });

  it("counts the timing the resident chose", () => {
    const description = "phòng 5 nhà nghỉ Hoa Mai có người hút đá";
    expect(at({ category: "use_venue", timing: "now", description })).toBe("high");
    expect(at({ category: "use_venue", timing: "today", description })).toBe("high");
    expect(at({ category: "use_venue", timing: "this_week", description })).toBe("normal");
    expect(at({ category: "use_venue", timing: "earlier", description })).toBe("low");
  });

  it("raises a drug tip when children or pupils are anywhere in the text, whatever the category", () => {
    for (const category of ["dealing", "use_venue", "person_using", "other"] as const) {
      const plain = at({ category, description: "thấy người ta hút đá trong phòng trọ cuối hẻm 3" });
      const withChildren = at({ category, description: "thấy người ta hút đá với mấy đứa học sinh trong phòng trọ cuối hẻm 3" });
      expect(above(withChildren, plain), category).toBe(true);
    }
    // Children with nothing about drugs change nothing.
    expect(at({ category: "other", description: "mấy đứa học sinh hay tụ tập" })).toBe("low");
  });

  it("makes danger to a person now urgent whatever the category", () => {
    for (const category of TIP_CATEGORIES) {
      expect(at({ category, timing: "now", description: "có thằng cầm dao rượt người ngoài chợ" }), category).toBe("urgent");
      expect(at({ category, timing: "now", description: "có người nằm bất tỉnh, miệng sùi bọt" }), category).toBe("urgent");
    }
    // Children near plants do not hurry the plants.
    expect(at({ category: "plant_growing", timing: "now", description: "có người trồng cần sa sau trường tiểu học" })).toBe("high");
  });

  it("reads a denial as low, but not when the resident goes on to a suspicion", () => {
    const denied = triageTip(tip({ category: "use_venue", timing: "now", description: "quán karaoke này không có ma túy, chỉ hát to" }));
    expect(denied.priority).toBe("low");
    expect(denied.reasons).toContain("denied");
    expect(denied.reasons).not.toContain("drug_terms");
    expect(at({ category: "dealing", description: "ko co ma tuy dau" })).toBe("low");
    expect(at({ category: "other", description: "Tôi chưa thấy ai bán ma túy, nhưng tối nào cũng có người lạ gõ cửa nhà 25 rồi đi ngay" })).toBe("normal");
    // A negation does not reach across a comma or far away.
    expect(triageTip(tip({ category: "dealing", description: "không biết tên, nó bán ma túy ở hẻm 5" })).reasons).toContain("drug_terms");
    expect(triageTip(tip({ category: "dealing", description: "không có tiền nên nó đi bán ma túy ở hẻm 5" })).reasons).toContain("drug_terms");
  });

  it("lowers hearsay one step, never to nothing, and never danger now", () => {
    const cases: Partial<TriageInput>[] = [
      { category: "dealing", timing: "today", description: "có người bán ma túy ở quán bida đường Trần Phú" },
      { category: "use_venue", timing: "now", description: "nhà số 5 có tiệc, có nước vui" },
      { category: "dealing", timing: "this_week", description: "ông Sáu nhà số 40 bán ma túy" },
    ];
    for (const c of cases) {
      const seen = triageTip(tip(c));
      for (const hedge of ["nghe nói", "hình như", "nghe đồn"]) {
        const heard = triageTip(tip({ ...c, description: `${hedge} ${c.description!}` }));
        expect(comparePriority(heard.priority, seen.priority), `${hedge} ${c.description!}`).toBe(1);
        expect(heard.reasons).toContain("hearsay");
      }
    }
    expect(at({ category: "school", description: "nghe nói có người bán thuốc lắc cho học sinh" })).toBe("normal");
    expect(at({ category: "person_using", timing: "now", description: "nghe nói thằng Tí đang ngáo đá cầm dao ngoài chợ" })).toBe("urgent");
    // "đồn công an" is a police post, not hearsay.
    expect(triageTip(tip({ category: "dealing", description: "có người bán ma túy gần đồn công an" })).reasons).not.toContain("hearsay");
  });

  it("does not cry wolf at every 'kẹo', nor at a small bag", () => {
    expect(at({ category: "school", timing: "ongoing", description: "trước cổng trường có bán kẹo bông gòn, kẹo kéo" })).toBe("low");
    expect(at({ category: "other", description: "tiệm tạp hóa bán kẹo cho con nít" })).toBe("low");
    expect(detectSignals("giao túi nhỏ cho nhà số 8").has("children")).toBe(false);
    expect(detectSignals("bán cho tụi nhỏ").has("children")).toBe(true);
  });

  it("never ranks an emoji-only description high on its own", () => {
    for (const category of TIP_CATEGORIES) {
      for (const timing of TIP_TIMINGS) {
        const priority = at({ category, timing, description: "😡😡💊💉" });
        expect(["normal", "low"], `${category} ${timing}`).toContain(priority);
      }
    }
    expect(at({ category: "other", timing: "now", description: "😡😡💊💉" })).toBe("low");
  });

  it("keeps a dealing tip said to be now, with nowhere to go, at normal", () => {
    const result = triageTip(tip({ category: "dealing", timing: "now", description: "BÁN MA TÚY KÌA CÔNG AN ƠI!!!" }));
    expect(result.priority).toBe("normal");
    expect(result.reasons).toContain("no_place");
    expect(at({ category: "dealing", timing: "now", description: "BÁN MA TÚY KÌA", place: "đầu hẻm 7" })).toBe("high");
    const online = triageTip(tip({ category: "dealing", timing: "ongoing", description: "nhóm zalo bán đá, ke, giao tận nơi trong phường" }));
    expect(online.priority).toBe("normal");
    expect(online.reasons).toContain("online_only");
  });

  it("drops what is over and done, even psychosis with a knife", () => {
    const result = triageTip(tip({ category: "person_using", timing: "earlier", description: "Thằng Nam ngáo đá chém người năm 2023, đã đi tù" }));
    expect(result.priority).toBe("low");
    expect(result.reasons).toContain("over_and_done");
  });
});

describe("triageTip with a ward lexicon", () => {
  const lexicon: WardLexicon = [
    { phrase: "bánh lắc", kind: "drug" },
    { phrase: "giờ G", kind: "now" },
    { phrase: "lớp lá", kind: "child" },
    { phrase: "cầm mác", kind: "danger" },
  ];

  it("adds a drug word, matched without marks and as whole words, and says a ward word fired", () => {
    const input = tip({ category: "other", timing: "ongoing", description: "quán Hoa Mai tối nào cũng bán banh lac" });
    expect(triageTip(input).priority).toBe("low");
    const taught = triageTip(input, lexicon);
    expect(taught.priority).toBe("high");
    expect(taught.reasons).toEqual(expect.arrayContaining(["drug_terms", "ward_terms"]));
    expect(triageTip(tip({ category: "other", timing: "ongoing", description: "quán Hoa Mai tối nào cũng bán bánhlắc" }), lexicon).reasons).not.toContain("ward_terms");
    // Typed with marks in the lexicon or not, the same.
    expect(triageTip(input, [{ phrase: "BANH LAC", kind: "drug" }]).priority).toBe("high");
  });

  it("adds now, child and danger words", () => {
    expect(triageTip(tip({ category: "use_venue", description: "giờ G phòng 5 nhà nghỉ Hoa Mai có bay lắc" })).priority).toBe("normal");
    expect(triageTip(tip({ category: "use_venue", description: "giờ G phòng 5 nhà nghỉ Hoa Mai có bay lắc" }), lexicon).priority).toBe("high");
    expect(triageTip(tip({ category: "dealing", description: "bán kẹo lắc cho mấy đứa lớp lá ở hẻm 5" })).priority).toBe("normal");
    expect(triageTip(tip({ category: "dealing", description: "bán kẹo lắc cho mấy đứa lớp lá ở hẻm 5" }), lexicon).priority).toBe("high");
    expect(triageTip(tip({ category: "other", timing: "now", description: "thằng kia cầm mác đuổi theo" })).priority).toBe("low");
    expect(triageTip(tip({ category: "other", timing: "now", description: "thằng kia cầm mác đuổi theo" }), lexicon).priority).toBe("urgent");
  });

  it("lets a negation cover a ward word too", () => {
    expect(triageTip(tip({ category: "dealing", description: "ở đây không có bánh lắc đâu" }), lexicon).reasons).toContain("denied");
  });

  it("accepts a few words with a letter, and nothing else", () => {
    expect(lexiconTermSchema.safeParse({ phrase: " Bánh lắc ", kind: "drug" }).success).toBe(true);
    for (const phrase of ["", "   ", "💊💊", "!!!", "một hai ba bốn năm sáu", "x".repeat(61)]) {
      expect(lexiconTermSchema.safeParse({ phrase, kind: "drug" }).success, phrase).toBe(false);
    }
    expect(lexiconTermSchema.safeParse({ phrase: "bánh lắc", kind: "person" }).success).toBe(false);
  });
});

describe("reason codes", () => {
  it("has a message for every code in both languages", () => {
    for (const locale of ["vi", "en"]) {
      const messages = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
      for (const reason of TRIAGE_REASONS) expect(messages, `${locale}: reason-${reason}`).toMatch(new RegExp(`^reason-${reason} = \\S`, "m"));
    }
  });

  it("only gives codes from the list", () => {
    const input = tip({ category: "dealing", timing: "now", description: "nghe nói thằng Tí đang bán đá cho học sinh, cầm dao" });
    for (const reason of triageTip(input).reasons) expect(TRIAGE_REASONS).toContain(reason);
  });
});
