// The colours of every chart, in the order series take them, and of the parts around a plot.
export const PALETTE = ['#3553c7', '#e8883a', '#1b9e77', '#b42318', '#7b5ea7', '#0e8fb0', '#c2a300', '#5b6675'];
export const INCREASE = '#1b9e77';
export const DECREASE = '#b42318';
export const LEVEL = '#3553c7';
export const AXIS_TEXT = '#5b6675';
export const GRID = '#eceef2';
export const TEXT = '#1f2430';
