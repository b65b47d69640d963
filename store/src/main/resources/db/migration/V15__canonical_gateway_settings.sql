-- A gateway's charge type, network type and VPN type are core's enums (ChargeType, NetworkType,
-- VpnType), stored by name like every other enum. Rows written before hold the words of the
-- dialect that created them: POSTPAY or PREPAY (Alibaba and Tencent), PostPaid (Neutron); public
-- or private; Normal or NationalStandard. Only a prepaid word means prepaid, and only the words of
-- the other value mean private or ShangMi: the defaults are what every dialect wrote when unasked.
UPDATE vpn_gateways SET charge_type = CASE WHEN charge_type IN ('PREPAY', 'PREPAID') THEN 'PREPAID' ELSE 'POSTPAID' END;
UPDATE vpn_gateways SET network_type = CASE WHEN network_type = 'private' THEN 'PRIVATE' ELSE 'PUBLIC' END;
UPDATE vpn_gateways SET vpn_type = CASE WHEN vpn_type = 'NationalStandard' THEN 'SHANGMI' ELSE 'INTERNATIONAL' END;
