import { MemberPage } from "@kinship/admin/medusa";
import { useParams } from "react-router-dom";
import { WithRouterLinks } from "../../../../components/router-link.tsx";

/** One member (/loyalty/members/:id, the Medusa customer id): no sidebar entry, reached from Members and the customer page. */
const Member = () => {
  const { id } = useParams();
  return <WithRouterLinks>{id ? <MemberPage customerId={id} /> : null}</WithRouterLinks>;
};

export default Member;
