// Package root of imco-cdktf. Export-only: for now the IMCO API client surface.
export * from './client';
