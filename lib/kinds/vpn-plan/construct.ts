// VPN plans by name: resolved when the VPN is created, among its VPC's plans (no synth-time lookup).

/**
 * A VPN plan by name. IMCO lists VPN plans per VPC, which may not exist at synth, so the plan is
 * found when the VPN is created (among its VPC's plans).
 */
export class VpnPlan {
  static named(name: string): VpnPlanName {
    return { vpnPlanName: name };
  }
}

/** A VPN plan given by name, resolved at apply time among the VPC's plans. */
export interface VpnPlanName {
  readonly vpnPlanName: string;
}

export function isVpnPlanName(v: unknown): v is VpnPlanName {
  return typeof v === 'object' && v !== null && typeof (v as VpnPlanName).vpnPlanName === 'string';
}
