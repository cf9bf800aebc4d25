import { ArnText } from "@/components/ui/arn-text";

/** Who in a few words: "alice", "root user", "RoleName (session bob)"; the ARN itself otherwise. */
export function actorName(arn: string): string {
  const resource = arn.split(":").slice(5).join(":");
  if (resource === "root") return "root user";
  const session = /^assumed-role\/(.+)\/([^/]+)$/.exec(resource);
  if (session) return `${session[1]} (session ${session[2]})`;
  const named = /^(?:user|role)\/(?:.*\/)?([^/]+)$/.exec(resource);
  return named ? named[1] : arn;
}

/** How a request was made: with an access key or in a console session, from where, with MFA or not. */
export function howCalled({ accessKeyId, sourceIp, mfa }: { accessKeyId: string | null; sourceIp: string | null; mfa: boolean }): string {
  const parts = [accessKeyId ? `access key ${accessKeyId}` : "console session"];
  if (sourceIp) parts.push(`from ${sourceIp}`);
  parts.push(mfa ? "with MFA" : "without MFA");
  return parts.join(", ");
}

/** The acting principal: its name, its ARN beneath. */
export function Actor({ arn }: { arn: string }) {
  return (
    <>
      <span className="font-semibold">{actorName(arn)}</span> <ArnText value={arn} className="text-sm text-muted" />
    </>
  );
}
