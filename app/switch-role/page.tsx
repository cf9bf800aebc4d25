import { Suspense } from "react";
import { SwitchRoleForm } from "@/components/switch-role/switch-role-form";
import { PageHeader } from "@/components/ui/misc";

export const metadata = { title: "Switch role" };

export default function SwitchRolePage() {
  return (
    <main className="mx-auto max-w-6xl px-8 py-8">
      <PageHeader
        title="Switch role"
        description="Use a role in this account or another one, with the role's permissions instead of yours, for one hour. Switch back at any time from the header."
      />
      <Suspense>
        <SwitchRoleForm />
      </Suspense>
    </main>
  );
}
