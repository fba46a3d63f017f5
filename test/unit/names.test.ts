import { describe, expect, it } from "vitest";
import { tidyStaffName } from "../../src/domain/names.js";

describe("staff names", () => {
  it("tidies a typed name: spaces collapsed, all-lowercase capitalised, otherwise kept as typed", () => {
    expect(tidyStaffName("nguyễn   thị bích")).toBe("Nguyễn Thị Bích");
    expect(tidyStaffName("  Y sĩ Phạm Thị Hoa ")).toBe("Y sĩ Phạm Thị Hoa");
    expect(tidyStaffName("lê-văn an")).toBe("Lê-Văn An");
  });
  it("refuses what is no name", () => {
    for (const bad of ["😀😀", "<b>x</b>", "A".repeat(61), "x", "", "12345", "An 😀"]) expect(tidyStaffName(bad), bad).toBeNull();
  });
});
