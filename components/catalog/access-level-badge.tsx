import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { AccessLevel } from "@/lib/iam/client";

// The wider the power, the stronger the tone; the label is always written out.
const TONES: Record<AccessLevel, BadgeTone> = {
  List: "neutral",
  Read: "brand",
  Write: "warn",
  "Permissions management": "danger",
  Tagging: "success",
};

export function AccessLevelBadge({ level }: { level: AccessLevel }) {
  return <Badge tone={TONES[level]}>{level}</Badge>;
}
