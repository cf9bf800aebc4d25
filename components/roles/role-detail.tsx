"use client";

import { useRouter } from "next/navigation";
import { EffectivePermissions } from "@/components/access/effective-permissions";
import { ArnValue } from "@/components/entity/arn-value";
import { DeleteFlow } from "@/components/entity/delete-flow";
import { InventoryList } from "@/components/entity/inventory-list";
import { ChangeHistory } from "@/components/history/change-history";
import { AttachedPolicies } from "@/components/principal/attached-policies";
import { InlinePolicies } from "@/components/principal/inline-policies";
import { PermissionsBoundary } from "@/components/principal/permissions-boundary";
import { TagsEditor } from "@/components/principal/tags-editor";
import { ErrorAlert } from "@/components/ui/alert";
import { formatDateTime, formatDuration } from "@/components/ui/format";
import { Breadcrumbs, Card, PageHeader, Skeleton, SummaryList } from "@/components/ui/misc";
import { Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import { principalCheck } from "@/lib/queries/permission-checks";
import type { Role } from "@/lib/queries/types";
import { useAttachedPolicies, useInlinePolicies } from "@/lib/queries/use-principal-policies";
import { useDeleteRole, useRole } from "@/lib/queries/use-roles";
import { useRoleInstanceProfiles } from "@/lib/queries/use-instance-profiles";
import { RoleAssumers } from "@/components/who-can/assume-role-lists";
import { InstanceProfilesCard } from "./instance-profiles-card";
import { RoleSettings } from "./role-settings";
import { TrustRelationships } from "./trust-relationships";

const TABS = [
  { id: "permissions", label: "Permissions" },
  { id: "effective", label: "Effective permissions" },
  { id: "trust", label: "Trust relationships" },
  { id: "assumed-by", label: "Who can assume" },
  { id: "tags", label: "Tags" },
  { id: "settings", label: "Settings" },
  { id: "boundary", label: "Permissions boundary" },
  { id: "history", label: "History" },
] as const;

export function RoleDetail({ accountId, roleName }: { accountId: string; roleName: string }) {
  const role = useRole(accountId, roleName);
  if (!role.data) {
    return (
      <>
        <Breadcrumbs items={[{ label: "Roles", href: paths.roles(accountId) }, { label: roleName }]} />
        {role.error ? <ErrorAlert error={role.error} /> : <Skeleton className="h-40 rounded-xl" />}
      </>
    );
  }
  return <RoleView accountId={accountId} role={role.data} />;
}

function RoleView({ accountId, role }: { accountId: string; role: Role }) {
  const router = useRouter();
  const notify = useToast();
  const remove = useDeleteRole(accountId, role.roleName);
  const principal = { accountId, kind: "roles" as const, name: role.roleName, arn: role.arn };

  return (
    <>
      <Breadcrumbs items={[{ label: "Roles", href: paths.roles(accountId) }, { label: role.roleName }]} />
      <PageHeader
        title={role.roleName}
        description={role.description || "IAM role"}
        actions={
          <DeleteFlow
            check={principalCheck(principal, "Delete")}
            noun="role"
            name={role.roleName}
            pending={remove.isPending}
            remove={(force) => remove.mutateAsync({ force })}
            inventory={<RoleInventory accountId={accountId} roleName={role.roleName} />}
            onDeleted={() => {
              notify(`Role ${role.roleName} deleted.`);
              router.push(paths.roles(accountId));
            }}
          />
        }
      />
      <Card title="Summary" className="mb-8">
        <SummaryList
          items={[
            { term: "ARN", value: <ArnValue arn={role.arn} />, wide: true },
            { term: "Created", value: formatDateTime(role.createdAt) },
            { term: "Path", value: <span className="font-mono">{role.path}</span> },
            { term: "Unique ID", value: <span className="font-mono">{role.roleId}</span> },
            { term: "Maximum session duration", value: formatDuration(role.maxSessionDuration) },
            { term: "Permissions boundary", value: role.permissionsBoundary?.name ?? "Not set" },
          ]}
        />
      </Card>
      <div className="mb-8">
        <InstanceProfilesCard accountId={accountId} role={role} />
      </div>
      <Tabs tabs={TABS} label={`Role ${role.roleName}`}>
        {(tab) => {
          switch (tab) {
            case "permissions":
              return (
                <div className="flex flex-col gap-6">
                  <AttachedPolicies principal={principal} label={role.roleName} />
                  <InlinePolicies principal={principal} label={role.roleName} />
                </div>
              );
            case "trust":
              return <TrustRelationships accountId={accountId} role={role} />;
            case "assumed-by":
              return <RoleAssumers accountId={accountId} roleName={role.roleName} />;
            case "tags":
              return <TagsEditor resource={principal} tags={role.tags} />;
            case "settings":
              return <RoleSettings key={`${role.description}-${role.maxSessionDuration}`} accountId={accountId} role={role} />;
            case "boundary":
              return <PermissionsBoundary principal={principal} label={role.roleName} boundary={role.permissionsBoundary} />;
            case "effective":
              return <EffectivePermissions principal={principal} />;
            case "history":
              return (
                <Card title="Changes to this role">
                  <ChangeHistory accountId={accountId} targetArn={role.arn} />
                </Card>
              );
          }
        }}
      </Tabs>
    </>
  );
}

/** What DeleteRole refuses to delete around: instance profiles holding it, attached and inline policies. */
function RoleInventory({ accountId, roleName }: { accountId: string; roleName: string }) {
  const ref = { accountId, kind: "roles" as const, name: roleName };
  const profiles = useRoleInstanceProfiles(accountId, roleName);
  const attached = useAttachedPolicies(ref);
  const inline = useInlinePolicies(ref);
  return (
    <InventoryList
      items={[
        { label: "Instance profiles (the role is taken out; they stay)", names: profiles.data?.map((p) => p.instanceProfileName) },
        { label: "Attached managed policies (detached)", names: attached.data?.map((p) => p.policyName) },
        { label: "Inline policies", names: inline.data?.map((p) => p.policyName) },
      ]}
    />
  );
}
