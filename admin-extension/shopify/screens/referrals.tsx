import { BlockStack } from "@shopify/polaris";
import { ProgramScreen } from "./program-form/program-screen.tsx";
import { ReferralQueue } from "./referrals/referral-queue.tsx";
import { ReferralSettingsCard } from "./referrals/referral-settings-card.tsx";

/** Referrals: the program's settings (saved with the save bar) and the review queue (decided at once). */
export function ReferralsScreen() {
  return (
    <ProgramScreen title="Referrals" section="referrals">
      {({ config, edit, issues }) => (
        <BlockStack gap="400">
          <ReferralSettingsCard {...{ config, edit, issues }} />
          <ReferralQueue />
        </BlockStack>
      )}
    </ProgramScreen>
  );
}
