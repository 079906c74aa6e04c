import { priceView } from "../core/view.ts";
import { useKinship } from "./context.tsx";
import { cx } from "./cx.ts";
import { useMe, useMemberPrice } from "./hooks.ts";
import { Stale } from "./Stale.tsx";
import { boxes, note, visuallyHidden } from "./styles.ts";

export interface MemberPriceProps {
  variantId: string;
  /** The base price in minor units (cents), shown until (or unless) a member price arrives. */
  price: number;
  /** ISO 4217 code of `price`; the API's answer carries its own. Default "USD". */
  currency?: string;
  /** Announce the price when it changes (default). Turn off in long product grids. */
  live?: boolean;
  className?: string;
}

/**
 * The base price, then the member price (the base struck through) when one applies; guests see a
 * "Join to get $17.00" teaser. All prices rendered in one tick are asked for in one request.
 */
export function MemberPrice({ variantId, price, currency = "USD", live = true, className }: MemberPriceProps) {
  const { messages, locale } = useKinship();
  const mp = useMemberPrice(variantId);
  const me = useMe();
  const view = priceView(
    { price, currency },
    mp.status === "ready" ? mp.value : undefined,
    me.status === "ready" ? me.value : undefined,
    messages,
    locale,
  );
  return (
    <span className={cx("kinship-price", className)} style={boxes.price} aria-busy={mp.status === "loading" || undefined}>
      <span aria-live={live ? "polite" : undefined} style={{ display: "block" }}>
        {view.regular ? (
          <>
            <s>
              <span style={visuallyHidden}>{messages.regularPrice} </span>
              {view.regular}
            </s>{" "}
            <strong>
              <span style={visuallyHidden}>{messages.memberPrice} </span>
              {view.price}
            </strong>
          </>
        ) : (
          <span>{view.price}</span>
        )}
      </span>
      {view.teaser && me.status !== "loading" && (
        <small className="kinship-price__teaser" style={note}>
          {view.teaser}
        </small>
      )}
      <Stale show={mp.status === "ready" && mp.stale} />
    </span>
  );
}
