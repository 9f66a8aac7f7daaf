-- AlterEnum
ALTER TYPE "TicketStatus" ADD VALUE 'UNDONE';
