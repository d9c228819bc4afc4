-- Accounts of other services (order-service reserves stock with a token of such an account).
ALTER TABLE account_role DROP CONSTRAINT account_role_role_check;
ALTER TABLE account_role ADD CONSTRAINT account_role_role_check CHECK (role IN ('CUSTOMER', 'ADMIN', 'SERVICE'));
