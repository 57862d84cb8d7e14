"""False-trigger mitigation: the lattice GNN and the decision policy (issue: ftm-service)."""
