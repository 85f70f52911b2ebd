import type { Server } from 'node:http';

export declare const CSP: string;
export declare function startStaticServer(options?: {
  port?: number;
  host?: string;
  log?: boolean;
  onRequest?: (pathname: string) => void;
}): Promise<Server>;
