import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { Providers } from "./app/providers.tsx";

const root = document.getElementById("kinship-admin");
if (root)
  createRoot(root).render(
    <Providers>
      <App />
    </Providers>,
  );
