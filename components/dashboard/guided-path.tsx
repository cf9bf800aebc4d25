"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { paths } from "@/components/shell/paths";
import { emptyDraft, paramsFromDraft } from "@/components/simulator/simulation-url";
import { PROD } from "@/prisma/seed/demo-accounts";

/** The simulator with erin asking to read an object of my_bucket, ready to run. */
function erinSimulation(): string {
  const draft = emptyDraft(PROD);
  draft.principal = { accountId: PROD, type: "user", name: "erin" };
  draft.actions = ["s3:GetObject"];
  draft.resources = ["arn:aws:s3:::my_bucket/key.txt"];
  return `${paths.simulator(PROD)}?${paramsFromDraft(draft).toString()}`;
}

interface Step {
  title: string;
  href: string;
  linkText: string;
  lesson: ReactNode;
}

const code = (text: string) => <code className="font-mono text-[0.95em] break-words">{text}</code>;

const STEPS: Step[] = [
  {
    title: "erin: a bucket is not the files in it",
    href: erinSimulation(),
    linkText: "Simulate erin reading my_bucket/key.txt",
    lesson: (
      <>
        erin&apos;s only permission, MyBucketReadOnly, names the bucket {code("arn:aws:s3:::my_bucket")}. A file in it has an address of its own,{" "}
        {code("arn:aws:s3:::my_bucket/key.txt")}, that no statement names, so reading it is <strong>implicitly denied</strong>: in AWS, whatever is not
        allowed is refused. Notice the simulator&apos;s explanation of how close the request came: the bucket is named, its objects
        ({code("arn:aws:s3:::my_bucket/*")}) are not.
      </>
    ),
  },
  {
    title: "alice: read-only really means read",
    href: paths.user(PROD, "alice", "effective"),
    linkText: "alice's effective permissions",
    lesson: (
      <>
        alice gets her permissions from the ReadOnly group (AmazonS3ReadOnlyAccess). Notice that every action listed is a List or Read action of
        S3, each traced to the group&apos;s policy: nothing lets her write or delete.
      </>
    ),
  },
  {
    title: "bob: switching to a role takes two yeses",
    href: paths.user(PROD, "bob", "assumable-roles"),
    linkText: "The roles bob can assume",
    lesson: (
      <>
        bob is in Developers, whose AssumeRoleNamePolicy lets him call {code("sts:AssumeRole")} on RoleName, and RoleName&apos;s trust policy
        trusts his account. Notice that RoleName is listed with both reasons, and with what it grants (ReadOnlyAccess).
      </>
    ),
  },
  {
    title: "carol: trust across accounts, with MFA",
    href: paths.user(PROD, "carol", "assumable-roles"),
    linkText: "The roles carol can assume",
    lesson: (
      <>
        CrossAccountAuditor lives in acme-security but trusts acme-prod, and only callers signed in with MFA. Notice that it appears under
        &ldquo;Only with more context&rdquo;; tick &ldquo;Signed in with MFA&rdquo; and it moves into the list. acme-security is read through a role
        there, so signed in as carol, with her MFA code, you see it; anyone who may not assume such a role is told acme-security could not be read.
      </>
    ),
  },
];

/** acme-prod's dashboard: four lessons of the demo data, each one link away. */
export function GuidedPath() {
  return (
    <section aria-labelledby="guided-path-heading" className="mb-8 rounded-xl border border-line bg-surface shadow-sm">
      <div className="border-b border-line px-5 py-3.5">
        <h2 id="guided-path-heading" className="text-lg font-bold">
          Guided path: four lessons of the demo
        </h2>
        <p className="text-muted">Follow the links in order; each page shows one idea of how AWS decides what someone may do.</p>
      </div>
      <ol className="grid gap-x-8 gap-y-5 px-5 py-4 @min-[56rem]:grid-cols-2">
        {STEPS.map((step, index) => (
          <li key={step.title} className="flex min-w-0 gap-3">
            <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand font-bold text-white">
              {index + 1}
            </span>
            <div className="min-w-0">
              <h3 className="font-bold">{step.title}</h3>
              <p className="mt-1">{step.lesson}</p>
              <Link href={step.href} className="mt-1 inline-block font-semibold text-brand underline underline-offset-4">
                {step.linkText} <span aria-hidden="true">→</span>
              </Link>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
