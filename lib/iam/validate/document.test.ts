import { describe, expect, it } from "vitest";
import { validatePolicy } from "./index";

const statement = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
const codes = (document: unknown) => validatePolicy(document, "identity").errors.map((e) => e.code);

describe("document rules", () => {
  it("needs a JSON object", () => {
    expect(codes([statement])).toEqual(["NotAnObject"]);
    expect(codes(null)).toEqual(["NotAnObject"]);
    expect(validatePolicy('"policy"', "identity").errors.map((e) => e.code)).toEqual(["NotAnObject"]);
    expect(codes({ Statement: statement })).toEqual([]);
  });

  it("knows only Version, Id and Statement at the top", () => {
    expect(codes({ Version: "2012-10-17", Statement: statement, Description: "x" })).toEqual(["UnknownElement"]);
    expect(codes({ version: "2012-10-17", Statement: statement })).toEqual(["UnknownElement"]);
    expect(codes({ Version: "2012-10-17", Id: "S3ReadPolicy", Statement: statement })).toEqual([]);
  });

  it("accepts the two policy language versions or none", () => {
    expect(codes({ Version: "2012-10-17", Statement: statement })).toEqual([]);
    expect(codes({ Version: "2008-10-17", Statement: statement })).toEqual([]);
    expect(codes({ Statement: statement })).toEqual([]);
    expect(codes({ Version: "2012-10-18", Statement: statement })).toEqual(["InvalidVersion"]);
    expect(codes({ Version: 2012, Statement: statement })).toEqual(["InvalidVersion"]);
  });

  it("needs Id to be a string", () => {
    expect(codes({ Id: 7, Statement: statement })).toEqual(["WrongType"]);
  });

  it("needs Statement as an object or a non-empty array of objects", () => {
    expect(codes({ Version: "2012-10-17" })).toEqual(["MissingStatement"]);
    expect(codes({ Statement: [] })).toEqual(["EmptyArray"]);
    expect(codes({ Statement: "Allow everything" })).toEqual(["WrongType"]);
    expect(validatePolicy({ Statement: [statement, 3] }, "identity").errors).toEqual([
      { code: "WrongType", path: "Statement[1]", message: "Statement[1]: a statement must be an object, not the number 3." },
    ]);
  });

  it("returns the document it checked", () => {
    const document = { Statement: statement };
    expect(validatePolicy(document, "identity").document).toBe(document);
    expect(validatePolicy(JSON.stringify(document), "identity").document).toEqual(document);
  });

  it("leaves ranges out when given a parsed value", () => {
    const [error] = validatePolicy({ Statement: { ...statement, Effect: "Nope" } }, "identity").errors;
    expect(error.range).toBeUndefined();
  });
});
