'use client';

import { useEffect } from 'react';
import { START_READY_SIGNAL } from '../../../components/benchStartSignal';

/** Tells the bench the page has hydrated and its links navigate with the router. */
export function StartReady() {
  useEffect(() => console.info(START_READY_SIGNAL), []);
  return null;
}
