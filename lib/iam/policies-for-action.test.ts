import { describe, expect, it } from "vitest";
import { compilePolicy } from "./compile/policy";
import { statementsForAction } from "./policies-for-action";
import { statementScopes } from "./statement-scope";

// Which statements name an action, as the catalog's "policies that allow or deny this action"
// shows them. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
const document = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Read", Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::reports/*" },
    { Sid: "NotIam", Effect: "Allow", NotAction: "iam:*", Resource: "*" },
    { Sid: "NoDelete", Effect: "Deny", Action: ["s3:DeleteObject", "S3:GETOBJECT"], Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } },
    { Sid: "Ec2", Effect: "Allow", Action: "ec2:*", NotResource: "arn:aws:ec2:*:*:instance/i-1" },
  ],
};

function matching(action: string) {
  const compiled = compilePolicy(document);
  return statementsForAction(compiled, action, statementScopes(document, compiled));
}

describe("statementsForAction", () => {
  it("finds Action wildcards, NotAction that does not list the action, and action names in any case", () => {
    expect(matching("s3:GetObject").map((s) => [s.sid, s.effect, s.viaNotAction])).toEqual([
      ["Read", "Allow", false],
      ["NotIam", "Allow", true],
      ["NoDelete", "Deny", false],
    ]);
  });

  it("leaves out a NotAction statement that lists the action", () => {
    expect(matching("iam:CreateUser").map((s) => s.sid)).toEqual([]);
  });

  it("reports what else limits each statement: resources as written, NotResource, condition keys", () => {
    const [read, notIam, noDelete] = matching("s3:GetObject");
    expect(read).toMatchObject({ resources: ["arn:aws:s3:::reports/*"], notResource: false, limitedByResources: true, conditions: [] });
    expect(notIam).toMatchObject({ resources: ["*"], limitedByResources: false });
    expect(noDelete.conditions).toEqual([{ operator: "Bool", key: "aws:MultiFactorAuthPresent" }]);
    const ec2 = matching("ec2:RunInstances");
    expect(ec2.map((s) => s.sid)).toEqual(["NotIam", "Ec2"]);
    expect(ec2[1]).toMatchObject({ notResource: true, resources: ["arn:aws:ec2:*:*:instance/i-1"], limitedByResources: true });
  });
});
