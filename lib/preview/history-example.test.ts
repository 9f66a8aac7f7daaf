import { describe, expect, it } from "vitest";
import { parseHistoryExample } from "@/lib/preview/history-example";

describe("parseHistoryExample", () => {
  it("reads what the preview query writes", () => {
    expect(parseHistoryExample('{"action":"STAGE_CHANGE","field":"stage","old":"Negotiation","new":"Won"}')).toEqual({ action: "STAGE_CHANGE", field: "stage", old: "Negotiation", new: "Won" });
    expect(parseHistoryExample('{"action":"CREATE","field":null,"old":null,"new":""}')).toEqual({ action: "CREATE", field: null, old: null, new: null });
  });
  it("anything else is no history example", () => {
    for (const label of ["Jan Kowalski", "", "{}", '{"action":5}', "null", "[1]"]) expect(parseHistoryExample(label)).toBeNull();
  });
});
