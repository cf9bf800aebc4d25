import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/queries/api";

/**
 * A refused sign-in in the words the server chose: AWS's "Your authentication information is
 * incorrect. Please try again." for every wrong credential, or how long to wait, or the lockout.
 */
export function SignInError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert tone="error">
      <p>{errorMessage(error)}</p>
    </Alert>
  );
}
