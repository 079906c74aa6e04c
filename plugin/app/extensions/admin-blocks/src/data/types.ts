/** What the admin GraphQL answers, as the blocks read it. Points are integers. */
export interface AdminMember {
  customerId: string;
  tier: { key: string; name: string; threshold: number; badge: { label: string; color: string } | null };
  points: { available: number; pending: number; expiringSoon: { points: number; on: string }[] };
  growth: number;
  nextTier: { key: string; name: string; remaining: number } | null;
}

export interface LedgerLine {
  key: string;
  kind: string;
  available: number;
  pending: number;
  reason: string;
  orderId: string | null;
  occurredAt: string;
}

export interface OrderPoints {
  orderId: string;
  customerId: string;
  earned: number;
  reversed: number;
  growth: number;
  lines: LedgerLine[];
}
