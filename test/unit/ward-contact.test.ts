// What an admin may set as the ward police's hotline and address, and how
// /lienhephuong reads what they typed (Vietnamese verbs, marks or not, or English).
import { describe, expect, it } from "vitest";
import { familyPageTextSchema, parseFamilyPageCommand } from "../../src/domain/family-help.js";
import { parseWardContactCommand, phoneDigits, wardAddressSchema, wardHotlineSchema } from "../../src/domain/ward-contact.js";

describe("the ward police's hotline", () => {
  it("takes Vietnamese numbers as people write them, keeping how they were written", () => {
    const ok: [string, string][] = [
      ["0256 3822 113", "0256 3822 113"],
      ["0912.345.678", "0912.345.678"],
      ["  0912 345 678 ", "0912 345 678"],
      ["+84 912 345 678", "+84 912 345 678"],
      ["069.2345.678", "069.2345.678"],
      ["024-3942-4242", "024-3942-4242"],
      ["1800 1567", "1800 1567"],
      ["1900 6666 88", "1900 6666 88"],
      ["113", "113"],
      ["(0256) 382 2113", "(0256) 382 2113"],
    ];
    for (const [typed, kept] of ok) expect(wardHotlineSchema.safeParse(typed), typed).toEqual({ success: true, data: kept });
    expect(phoneDigits("+84 912 345 678")).toBe("0912345678");
  });

  it("refuses what is not a Vietnamese phone number", () => {
    const bad = ["", "   ", "abc", "0912 345 67", "0912 345 6789", "0112 345 678", "+1 415 555 0100", "0256 3822 11", "12345", "0912345678; drop", "0912<b>345678", "0".repeat(40), "113 hoặc 114", "0912\n345678"];
    for (const typed of bad) expect(wardHotlineSchema.safeParse(typed).success, typed).toBe(false);
  });
});

describe("the ward police's address", () => {
  it("keeps one tidy line of sane length", () => {
    expect(wardAddressSchema.parse("  12 Trần Phú,\n  phường Quy Nhơn Đông ")).toBe("12 Trần Phú, phường Quy Nhơn Đông");
    expect(wardAddressSchema.safeParse("12").success).toBe(false);
    expect(wardAddressSchema.safeParse("x".repeat(201)).success).toBe(false);
    expect(wardAddressSchema.safeParse("12 Trần Phú\u0000").success).toBe(false);
    expect(wardAddressSchema.safeParse("x".repeat(200)).success).toBe(true);
  });
});

describe("/lienhephuong arguments", () => {
  it("reads show, set and clear, in Vietnamese or English", () => {
    expect(parseWardContactCommand("")).toEqual({ action: "show" });
    expect(parseWardContactCommand("sdt 0256 3822 113")).toEqual({ action: "set", field: "hotline", value: "0256 3822 113" });
    expect(parseWardContactCommand("SĐT 0912.345.678")).toEqual({ action: "set", field: "hotline", value: "0912.345.678" });
    expect(parseWardContactCommand("phone 113")).toEqual({ action: "set", field: "hotline", value: "113" });
    expect(parseWardContactCommand("địa chỉ 12 Trần Phú")).toEqual({ action: "set", field: "address", value: "12 Trần Phú" });
    expect(parseWardContactCommand("diachi 12 Trần Phú")).toEqual({ action: "set", field: "address", value: "12 Trần Phú" });
    expect(parseWardContactCommand("address 12 Tran Phu")).toEqual({ action: "set", field: "address", value: "12 Tran Phu" });
    expect(parseWardContactCommand("xoá")).toEqual({ action: "clear", field: "all" });
    expect(parseWardContactCommand("xoa sdt")).toEqual({ action: "clear", field: "hotline" });
    expect(parseWardContactCommand("clear address")).toEqual({ action: "clear", field: "address" });
  });

  it("says what is wrong with a value, and shows how to use it for anything else", () => {
    expect(parseWardContactCommand("sdt 12345")).toEqual({ action: "invalid", field: "hotline" });
    expect(parseWardContactCommand("diachi 1")).toEqual({ action: "invalid", field: "address" });
    for (const text of ["sdt", "diachi", "xoa thoitiet", "hotline", "0912345678"]) {
      const parsed = parseWardContactCommand(text);
      expect(parsed.action === "usage" || (parsed.action === "invalid" && text !== "0912345678"), text).toBe(true);
    }
    expect(parseWardContactCommand("0912345678")).toEqual({ action: "usage" });
  });
});

describe("/trangnguoithan arguments (a ward's own family-help page)", () => {
  it("reads list, set (text on the same line or the next ones) and reset", () => {
    expect(parseFamilyPageCommand("")).toEqual({ action: "list" });
    expect(parseFamilyPageCommand("methadone Cơ sở điều trị: 15 Lê Lợi, sáng thứ 2–7.")).toEqual({ action: "set", topic: "methadone", text: "Cơ sở điều trị: 15 Lê Lợi, sáng thứ 2–7." });
    expect(parseFamilyPageCommand("Cai nghiện\n• Đăng ký tại UBND phường, phòng 3.\n• Gặp chị Hoa.")).toEqual({ action: "set", topic: "rehab", text: "• Đăng ký tại UBND phường, phòng 3.\n• Gặp chị Hoa." });
    expect(parseFamilyPageCommand("phaply   Trung tâm TGPL tỉnh: 0256 3822 000")).toEqual({ action: "set", topic: "legal", text: "Trung tâm TGPL tỉnh: 0256 3822 000" });
    expect(parseFamilyPageCommand("xacdinh xoá")).toEqual({ action: "reset", topic: "assess" });
    expect(parseFamilyPageCommand("noi chuyen xoa")).toEqual({ action: "reset", topic: "talk" });
  });

  it("refuses unknown topics, the contacts page (built from /lienhephuong) and texts out of bounds", () => {
    expect(parseFamilyPageCommand("thoitiet nắng đẹp quá")).toEqual({ action: "usage" });
    expect(parseFamilyPageCommand("lienhe 0912 345 678")).toEqual({ action: "usage" });
    expect(parseFamilyPageCommand("methadone")).toEqual({ action: "usage" });
    expect(parseFamilyPageCommand("methadone ngắn")).toEqual({ action: "invalid" });
    expect(parseFamilyPageCommand(`methadone ${"x".repeat(1201)}`)).toEqual({ action: "invalid" });
    expect(familyPageTextSchema.parse("  dòng 1  \n\n\n\n  dòng 2 ")).toBe("dòng 1\n\ndòng 2");
    expect(familyPageTextSchema.safeParse("mười chữ cái \u0007").success).toBe(false);
  });
});
