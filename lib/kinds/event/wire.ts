// The IMCO API v2 wire types of event objects (snake_case, as IMCO sends and accepts them).

export interface AuditEvent {
  readonly id: string;
  readonly timestamp: string;
  readonly level: 'info' | 'warning' | 'error' | string;
  readonly header: string;
  readonly description: string;
  readonly resource_type?: string;
}
