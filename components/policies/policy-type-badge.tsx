import { Badge } from "@/components/ui/misc";

export function PolicyTypeBadge({ awsManaged }: { awsManaged: boolean }) {
  return awsManaged ? <Badge tone="aws">AWS managed</Badge> : <Badge tone="brand">Customer managed</Badge>;
}
