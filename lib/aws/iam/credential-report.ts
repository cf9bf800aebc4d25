import "server-only";
import { z } from "@/lib/schemas/zod";
import { op } from "@/lib/api/operations";
import { generateCredentialReport, getCredentialReport } from "@/lib/data/credential-report";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";

/**
 * The credential report (lib/data/credential-report.ts). Neither action has a resource type in the
 * Service Authorization Reference: their resource is "*". GetCredentialReport answers the CSV
 * base64-encoded (the SDKs decode Content into bytes), with its format and generation time.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
 */

const generateCredentialReportOperation = awsOperation({
  service: "iam",
  action: "GenerateCredentialReport",
  // It changes no IAM entity (nothing for the change log); the audit trail records the request.
  input: z.object({}),
  authorize: (_input, caller) => op(accountOf(caller), "iam:GenerateCredentialReport", "*"),
  run: async (_input, caller) => {
    const outcome = await generateCredentialReport(accountOf(caller));
    return { State: outcome.state, Description: outcome.description };
  },
});

const getCredentialReportOperation = awsOperation({
  service: "iam",
  action: "GetCredentialReport",
  readOnly: true,
  input: z.object({}),
  authorize: (_input, caller) => op(accountOf(caller), "iam:GetCredentialReport", "*"),
  run: async (_input, caller) => {
    const report = await getCredentialReport(accountOf(caller));
    return { Content: Buffer.from(report.content, "utf8").toString("base64"), ReportFormat: "text/csv", GeneratedTime: report.generatedAt };
  },
});

export const credentialReportOperations: SomeAwsOperation[] = [generateCredentialReportOperation, getCredentialReportOperation];
