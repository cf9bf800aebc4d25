import { describe, expect, it } from "vitest";
import { filterServices, NO_FILTER } from "@/components/access/filter";
import type { AccessStatus, StatusCounts } from "@/lib/iam";
import type { ActionGroup, ServiceView } from "@/lib/schemas/access";

const counts = (): StatusCounts => ({ allowed: 0, conditional: 0, explicitlyDenied: 0, removedByBoundary: 0, removedByScp: 0, removedBySessionPolicy: 0, notGranted: 0 });
const group = (status: AccessStatus, actions: string[]): ActionGroup => ({ status, grants: 1, denies: 0, limits: [], actions });

const SERVICES: ServiceView[] = [
  {
    service: "s3",
    name: "Amazon S3",
    access: "Limited",
    total: 4,
    counts: counts(),
    accessLevels: [
      { accessLevel: "Read", access: "Limited", total: 2, counts: counts(), groups: [group("allowed", ["GetObject", "GetObjectTagging"])] },
      { accessLevel: "Write", access: "None", total: 2, counts: counts(), groups: [group("removedByBoundary", ["PutObject"]), group("explicitlyDenied", ["DeleteBucket"])] },
    ],
  },
  {
    service: "ec2",
    name: "Amazon EC2",
    access: "Limited",
    total: 1,
    counts: counts(),
    accessLevels: [{ accessLevel: "List", access: "Full", total: 1, counts: counts(), groups: [group("allowed", ["DescribeInstances"])] }],
  },
];

const actionsOf = (services: ServiceView[]) => services.flatMap((s) => s.accessLevels.flatMap((l) => l.groups.flatMap((g) => g.actions.map((a) => `${s.service}:${a}`))));

describe("filterServices", () => {
  it("keeps everything without a filter", () => {
    expect(filterServices(SERVICES, NO_FILTER)).toEqual(SERVICES);
  });

  it("keeps a whole service when the search names it, else only matching actions", () => {
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, text: "EC2" }))).toEqual(["ec2:DescribeInstances"]);
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, text: "tagging" }))).toEqual(["s3:GetObjectTagging"]);
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, text: "s3:getobject" }))).toEqual(["s3:GetObject", "s3:GetObjectTagging"]);
    expect(filterServices(SERVICES, { ...NO_FILTER, text: "ec2:GetObject" })).toEqual([]);
  });

  it("filters by access level and by decision", () => {
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, level: "Write" }))).toEqual(["s3:PutObject", "s3:DeleteBucket"]);
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, status: "denied" }))).toEqual(["s3:DeleteBucket"]);
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, status: "removed" }))).toEqual(["s3:PutObject"]);
    expect(actionsOf(filterServices(SERVICES, { ...NO_FILTER, status: "allowed", level: "Read" }))).toEqual(["s3:GetObject", "s3:GetObjectTagging"]);
  });
});
