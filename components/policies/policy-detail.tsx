"use client";

import { useRouter } from "next/navigation";
import { PolicyDocumentViewer } from "@/components/editor/policy-document-viewer";
import { ArnValue } from "@/components/entity/arn-value";
import { DeleteFlow } from "@/components/entity/delete-flow";
import { InventoryList } from "@/components/entity/inventory-list";
import { ChangeHistory } from "@/components/history/change-history";
import { PolicySummaryPanel } from "@/components/policy/policy-summary";
import { PolicyVersions } from "@/components/policy/versions/policy-versions";
import { TagsEditor } from "@/components/principal/tags-editor";
import { ErrorAlert } from "@/components/ui/alert";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { Breadcrumbs, Card, PageHeader, Skeleton, SummaryList } from "@/components/ui/misc";
import { Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import type { Page, Policy, PolicyEntity } from "@/lib/queries/types";
import { useDeletePolicy, usePolicy, usePolicyEntities, usePolicyVersions } from "@/lib/queries/use-policies";
import { PolicyTypeBadge } from "./policy-type-badge";
import { PolicyEntities } from "./policy-entities";

/** The most one page of the API holds (MAX_PAGE_SIZE; a value import would bring zod to the browser). */
const MAX_PAGE_SIZE = 100;

const TABS = [
  { id: "document", label: "Permissions" },
  { id: "versions", label: "Policy versions" },
  { id: "entities", label: "Entities attached" },
  { id: "tags", label: "Tags" },
  { id: "history", label: "History" },
] as const;

/** AWS managed policies have no tags of this console's making, and refuse TagPolicy. */
const AWS_MANAGED_TABS = TABS.filter((tab) => tab.id !== "tags");

export function PolicyDetail({ accountId, policyName }: { accountId: string; policyName: string }) {
  const policy = usePolicy(accountId, policyName);
  if (!policy.data) {
    return (
      <>
        <Breadcrumbs items={[{ label: "Policies", href: paths.policies(accountId) }, { label: policyName }]} />
        {policy.error ? <ErrorAlert error={policy.error} /> : <Skeleton className="h-40 rounded-xl" />}
      </>
    );
  }
  return <PolicyView accountId={accountId} policy={policy.data} />;
}

function PolicyView({ accountId, policy }: { accountId: string; policy: Policy }) {
  const router = useRouter();
  const notify = useToast();
  const remove = useDeletePolicy(accountId, policy.policyName);

  return (
    <>
      <Breadcrumbs items={[{ label: "Policies", href: paths.policies(accountId) }, { label: policy.policyName }]} />
      <PageHeader
        title={policy.policyName}
        badge={<PolicyTypeBadge awsManaged={policy.awsManaged} />}
        // Only the policy's own description: AWS managed policies carry none in the package.
        description={policy.description || undefined}
        actions={
          !policy.awsManaged && (
            <DeleteFlow
              check={{ account: accountId, action: "iam:DeletePolicy", resource: policy.arn }}
              noun="policy"
              name={policy.policyName}
              pending={remove.isPending}
              remove={(force) => remove.mutateAsync({ force })}
              inventory={<PolicyInventory accountId={accountId} policyName={policy.policyName} />}
              onDeleted={() => {
                notify(`Policy ${policy.policyName} deleted.`);
                router.push(paths.policies(accountId));
              }}
            />
          )
        }
      />
      <Card title="Summary" className="mb-8">
        <SummaryList
          items={[
            { term: "ARN", value: <ArnValue arn={policy.arn} />, wide: true },
            { term: "Default version", value: <span className="font-mono">{policy.defaultVersionId}</span> },
            { term: "Created", value: formatDateTime(policy.createdAt) },
            { term: "Last updated", value: formatDateTime(policy.updatedAt) },
            { term: "Attached entities", value: formatCount(policy.attachmentCount) },
            { term: "Path", value: <span className="font-mono">{policy.path}</span> },
          ]}
        />
      </Card>
      <Tabs tabs={policy.awsManaged ? AWS_MANAGED_TABS : TABS} label={`Policy ${policy.policyName}`}>
        {(tab) => {
          switch (tab) {
            case "document":
              return (
                <div className="grid gap-6 2xl:grid-cols-2">
                  <Card title={`Policy summary (${policy.defaultVersionId})`}>
                    <PolicySummaryPanel document={policy.document} />
                  </Card>
                  <Card title={`Policy document (${policy.defaultVersionId}, default)`}>
                    <PolicyDocumentViewer label="Policy document" value={policy.document} />
                  </Card>
                </div>
              );
            case "versions":
              return <PolicyVersions accountId={accountId} policy={policy} />;
            case "entities":
              return <PolicyEntities accountId={accountId} policyName={policy.policyName} />;
            case "tags":
              return <TagsEditor resource={{ accountId, kind: "policies", name: policy.policyName, arn: policy.arn }} tags={policy.tags} />;
            case "history":
              return (
                <Card title="Changes to this policy">
                  <ChangeHistory accountId={accountId} targetArn={policy.arn} />
                </Card>
              );
          }
        }}
      </Tabs>
    </>
  );
}

/** What DeletePolicy refuses to delete around: attachments, boundary uses, older versions. */
function PolicyInventory({ accountId, policyName }: { accountId: string; policyName: string }) {
  // The first hundred of each (the most a page holds), then how many more.
  const attached = usePolicyEntities(accountId, policyName, { pageSize: MAX_PAGE_SIZE, usage: "PermissionsPolicy" });
  const boundaryOf = usePolicyEntities(accountId, policyName, { pageSize: MAX_PAGE_SIZE, usage: "PermissionsBoundary" });
  const versions = usePolicyVersions(accountId, policyName);
  const names = (page: Page<PolicyEntity> | undefined) =>
    page && [
      ...page.items.map((entity) => `${entity.kind} ${entity.name}`),
      ...(page.total > page.items.length ? [`and ${formatCount(page.total - page.items.length)} more`] : []),
    ];
  return (
    <InventoryList
      items={[
        { label: "Attachments (detached)", names: names(attached.data) },
        { label: "Permissions boundary of", names: names(boundaryOf.data) },
        { label: "Non-default versions", names: versions.data?.filter((v) => !v.isDefault).map((v) => v.versionId) },
      ]}
    />
  );
}
