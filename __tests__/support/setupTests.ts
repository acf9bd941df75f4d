import '@testing-library/jest-dom';
import { failOnUnexpectedConsole } from './consoleGuard';

failOnUnexpectedConsole();
