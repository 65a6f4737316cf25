package io.complaintflow.process.product;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ProductRepository extends ListCrudRepository<Product, String> {

  List<Product> findAllByOrderByCode();
}
