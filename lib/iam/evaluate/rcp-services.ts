/**
 * RCPs restrict only the services that support them ("Resource control policies (RCPs)", List
 * of AWS services that support RCPs, AWS Organizations User Guide): for any other service's
 * actions the RCPs of the resource's account do not take part in the evaluation.
 */
const RCP_SERVICES: ReadonlySet<string> = new Set([
  "s3",
  "sts",
  "kms",
  "sqs",
  "secretsmanager",
  "cognito-identity",
  "logs",
  "dynamodb",
  "ecr",
  "aoss",
]);

/** `service` is the lower-case service prefix. */
export function rcpsApplyTo(service: string): boolean {
  return RCP_SERVICES.has(service);
}
